"""What a window needs to run a service call on a thread of its own."""

from housing_desk.data.database import own_connection

__all__ = ["own_connection"]
