"""Open data: an OParl 1.1 shaped read-only API, Atom and iCalendar feeds and an embeddable notice board.
Only what is public for the anonymous user (meetings.permissions) ever appears here."""
