"""The one error of backups and restores."""


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message is for the person running it."""
