-- The due date a task's assignees were last reminded of: one reminder per due date, and a new one when it moves.
ALTER TABLE task ADD COLUMN due_reminded_for date;
