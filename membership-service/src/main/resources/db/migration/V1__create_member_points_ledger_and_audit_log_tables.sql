-- One row per member: the running totals the ledger adds up to; locked FOR UPDATE by every change.
create table member (
    user_id     varchar(64)    not null primary key,
    points      bigint         not null default 0 check (points >= 0),
    growth      numeric(16, 2) not null default 0 check (growth >= 0),
    tier        varchar(32)    not null,
    version     bigint         not null default 0,
    created_at  timestamptz    not null default now(),
    updated_at  timestamptz    not null default now()
);

-- Append-only: every change of a balance, with the balance it left. Never updated or deleted.
create table points_ledger (
    id               bigserial    primary key,
    user_id          varchar(64)  not null references member (user_id),
    delta            bigint       not null check (delta <> 0),
    reason           varchar(64)  not null,
    idempotency_key  varchar(200) not null unique,
    balance_after    bigint       not null check (balance_after >= 0),
    created_at       timestamptz  not null default now()
);

create index points_ledger_user_idx on points_ledger (user_id, id);

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
