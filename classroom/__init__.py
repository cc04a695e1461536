"""Class mode's persistence: rooms, the class's answers and the teacher's current view.

SQLAlchemy Core on a SQLite file by default, PostgreSQL by URL when several replicas share a
class (classroom.store). No Streamlit here: the app's ui/classroom.py draws it.
"""

from classroom.store import MAX_STUDENTS, REASONS, ROOM_TTL, ClassroomError, RoomView, Store, default_url

__all__ = ["MAX_STUDENTS", "REASONS", "ROOM_TTL", "ClassroomError", "RoomView", "Store", "default_url"]
