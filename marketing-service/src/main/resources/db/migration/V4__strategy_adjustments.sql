-- Why the strategy changed: each metric alert marketing reacted to, what it did and why.
create table strategy_adjustment (
    id           bigserial    primary key,
    rule_id      varchar(100) not null,
    metric       varchar(100) not null,
    value        double precision not null,
    baseline     double precision not null,
    change_ratio double precision not null,
    action       varchar(64)  not null,
    reason       varchar(500) not null,
    at           timestamptz  not null
);

-- Lifecycle stages added to the win-back audience by adjustments (on top of the configured ones).
create table winback_extra_stage (
    stage         varchar(32) primary key,
    adjustment_id bigint      not null references strategy_adjustment (id),
    added_at      timestamptz not null
);
