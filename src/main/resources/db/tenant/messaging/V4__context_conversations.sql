-- Conversations that belong to another module's object (a project's conversation): one per object; who takes part
-- is the owning module's decision, asked at every access.
ALTER TABLE conversation DROP CONSTRAINT conversation_kind_check;
ALTER TABLE conversation ADD CONSTRAINT conversation_kind_check CHECK (kind IN ('direct', 'group', 'context'));
ALTER TABLE conversation ADD COLUMN context_type text;
ALTER TABLE conversation ADD COLUMN context_id text;
ALTER TABLE conversation ADD CONSTRAINT conversation_context UNIQUE (context_type, context_id);
