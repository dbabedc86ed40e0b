-- Real-time tags from stream-jobs, one row per (user, tag); expired rows are hidden and purged.
create table user_tag (
    user_id     varchar(64)      not null,
    tag         varchar(128)     not null,
    score       double precision not null,
    expires_at  timestamptz      not null,
    job         varchar(64)      not null,
    event_time  timestamptz      not null,
    updated_at  timestamptz      not null default now(),
    primary key (user_id, tag)
);

create index user_tag_expires_at_idx on user_tag (expires_at);
