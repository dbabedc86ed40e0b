-- Units on hand per SKU and region; the source of availability and of stock events.
create table stock_level (
    sku         varchar(64) not null,
    region      varchar(64) not null,
    on_hand     integer     not null check (on_hand >= 0),
    updated_at  timestamptz not null default now(),
    primary key (sku, region)
);

-- Every operator write, in the transaction of the write.
create table audit_log (
    id      bigserial    primary key,
    actor   varchar(128) not null,
    action  varchar(64)  not null,
    target  varchar(200) not null,
    detail  jsonb        not null,
    at      timestamptz  not null default now()
);

create index audit_log_target_idx on audit_log (target, at);
