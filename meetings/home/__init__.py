"""The start page: one page that reads from every job, so it sits above them in the order of the rooms."""
