"""A live drill: seats, bots, facilitator controls, the clock and the record."""
