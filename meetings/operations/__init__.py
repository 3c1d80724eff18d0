"""Running the portal: the integrity of its records on disk, its status for an administrator, and the warnings
mailed to the installation's administrators."""
