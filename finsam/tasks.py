"""Tasks of the portal as a whole."""

from celery import shared_task


@shared_task(name="finsam.tasks.ping")
def ping(value):
    """Answer with the value: lets a health check and the tests prove that a worker runs."""
    return {"pong": value}
