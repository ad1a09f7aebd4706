"""The code generator: ``spec/endpoints.json`` → ``threecommas_async/resources/`` and ``api.md``.

Run ``python -m codegen`` from the repository root to regenerate, ``python -m codegen --check`` to fail
(exit status 1) when a generated file is missing, stale or left over.
"""
