-- Files attached to a message: media of the media service, owned by the message (messaging/message/<id>), readable by
-- the conversation's participants. What a client shows before opening one is copied here when it is attached.
CREATE TABLE message_attachment (
    message_id   uuid   NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    media_id     uuid   NOT NULL,
    position     int    NOT NULL,
    kind         text   NOT NULL,
    content_type text   NOT NULL,
    filename     text,
    size_bytes   bigint NOT NULL,
    PRIMARY KEY (message_id, media_id)
);
