from .clients import make_queue
from .store import Store

__all__ = ["Store", "make_queue"]
