"""Keeping the register's word index (SQLite) and the planner's statistics (PostgreSQL) in shape after many writes.

SQLite: every indexing adds a small segment to the FTS5 table; FTS5 merges them as it goes, but a table written a
meeting at a time is left with many segments, and each search of a common word tests its rows one by one (the walk
newest first), each test looking in every segment: 700 µs a row at 120,000 decisions after a load, 16 µs once the
segments are merged into one ('optimize': 1.7 s there). PostgreSQL keeps its statistics by autovacuum; after a
bulk write a vacuum leaves the tables settled at once. (SQLite's own statistics, ANALYZE, are not taken: with them
its planner sorts every public entry for a page rather than walk the date index, whose cost it takes for a walk of
the whole index whatever the LIMIT: 300 ms against 0.1 ms.)

Run after bulk writes (generate_network_data, reindex_register, load_demo) and nightly by beat (settle_register).
"""

from django.db import connection

TABLES = ("meetings_registerentry", "meetings_registerterm")


def settle():
    """SQLite: merge the word index. PostgreSQL: vacuum and refresh the statistics. Returns what was done."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            tables = ", ".join(TABLES)
            # A caller's transaction allows no vacuum: then the statistics only.
            cursor.execute(f"ANALYZE {tables}" if connection.in_atomic_block else f"VACUUM (ANALYZE) {tables}")
            return "vacuum and analyse" if not connection.in_atomic_block else "analyse"
        cursor.execute("INSERT INTO meetings_registerentry_fts(meetings_registerentry_fts) VALUES ('optimize')")
        return "word index merged"
