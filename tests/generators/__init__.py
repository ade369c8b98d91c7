"""Report generators for tests and benchmarks: consistent random reports (generate.py) and the
same report written as pipe text, HTML, Word or PDF (documents.py, which needs python-docx and
reportlab — test dependencies, so these live here and not in the installed package)."""
