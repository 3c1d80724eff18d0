"""Benchmarks and the synthetic national-scale data they run on. Loaded only in development, tests and
`make bench` (settings.BENCH_TOOLS), never in production."""
