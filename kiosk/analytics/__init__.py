"""Anonymous visitor analytics: what visitors look at, kept on this computer only. Qt-free.

db: the SQLite file (schema, migrations, recovery, retention). writer: a thread that owns the
connection, so the UI only ever puts records on a queue. visits: turns touches, views and taps
into sessions and events. stats: the summaries `kiosk stats` and the staff panel show.
"""
