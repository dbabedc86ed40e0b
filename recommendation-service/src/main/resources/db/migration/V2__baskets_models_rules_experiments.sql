-- Every order as a basket: the training data of the models (item-item CF, association rules, the
-- ranker's weights) and each shopper's history for the repurchase features. One row per order event.
create table basket (
    event_id  uuid         not null primary key,
    user_id   varchar(64)  not null,
    region    varchar(64),
    placed_at timestamptz  not null,
    total     numeric(12, 2),
    skus      varchar(64)[] not null
);

create index basket_user_idx on basket (user_id, placed_at);

-- Model artefacts written by each training run (the serving state itself is in Redis). Kept so that
-- operators can inspect what the model learned and why an item is recommended.
create table item_similarity (
    sku       varchar(64) not null,
    other_sku varchar(64) not null,
    score     real        not null,
    primary key (sku, other_sku)
);

create table association_rule (
    antecedent varchar(64) not null,
    consequent varchar(64) not null,
    confidence real        not null,
    lift       real        not null,
    primary key (antecedent, consequent)
);

create table model_run (
    id                  bigserial    primary key,
    trained_at          timestamptz  not null,
    baskets             integer      not null,
    users               integer      not null,
    items               integer      not null,
    weights             text         not null,
    tuned               boolean      not null,
    validation_users    integer      not null,
    validation_recall10 double precision,
    validation_ndcg10   double precision,
    millis              bigint       not null
);

-- Scenario rules operators manage: what to show first in which situation.
create table scenario_rule (
    id         bigserial    primary key,
    name       varchar(100) not null,
    kind       varchar(16)  not null check (kind in ('time_of_day', 'weather', 'lifecycle')),
    start_hour integer,
    end_hour   integer,
    weather    varchar(16),
    lifecycle  varchar(16),
    context    varchar(16)  not null default 'home',
    skus       varchar(64)[] not null,
    reason     varchar(200) not null,
    priority   integer      not null default 0,
    enabled    boolean      not null default true,
    created_at timestamptz  not null,
    updated_at timestamptz  not null
);

-- A/B experiments; variants is a JSON array of {name, weight, algorithm}.
create table experiment (
    id         bigserial    primary key,
    key        varchar(64)  not null unique,
    name       varchar(200) not null,
    status     varchar(16)  not null check (status in ('draft', 'running', 'stopped')),
    variants   jsonb        not null,
    created_at timestamptz  not null,
    started_at timestamptz,
    stopped_at timestamptz
);

-- One running experiment at a time, so a shopper is in at most one and results do not interact.
create unique index experiment_one_running_idx on experiment (status) where status = 'running';

-- Per experiment and shopper: the variant shown and what followed (clicks, orders, order value).
create table experiment_user (
    experiment_id    bigint       not null references experiment (id),
    user_id          varchar(64)  not null,
    variant          varchar(64)  not null,
    exposures        integer      not null default 0,
    clicks           integer      not null default 0,
    orders           integer      not null default 0,
    revenue          numeric(14, 2) not null default 0,
    first_exposed_at timestamptz  not null,
    primary key (experiment_id, user_id)
);

create table audit_log (
    id     bigserial    primary key,
    actor  varchar(128) not null,
    action varchar(64)  not null,
    target varchar(200) not null,
    detail jsonb        not null,
    at     timestamptz  not null default now()
);

create index audit_log_target_idx on audit_log (target, at);
