"""Numbered schema migrations, applied in order by ``playhouse.migrations`` at open.

Each script declares frozen copies of the tables it creates, independent of the
application models, so that later changes to the models never rewrite history.
"""
