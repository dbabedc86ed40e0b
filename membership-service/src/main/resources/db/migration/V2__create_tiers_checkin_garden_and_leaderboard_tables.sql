-- Tier downgrades wait for a grace period; a paid membership holds the paid tier until it expires.
alter table member
    add column tier_grace_until timestamptz,
    add column paid_until       timestamptz;

-- Every growth value gain, so tiers can be recalculated over a rolling window. Append-only.
create table growth_ledger (
    id               bigserial      primary key,
    user_id          varchar(64)    not null references member (user_id),
    delta            numeric(16, 2) not null check (delta > 0),
    source           varchar(32)    not null,
    idempotency_key  varchar(200)   not null unique,
    created_at       timestamptz    not null default now()
);

create index growth_ledger_user_idx on growth_ledger (user_id, created_at);

-- Operator overrides of the configured tier thresholds and benefits (configuration is the default).
create table tier_rule (
    tier               varchar(32)    primary key,
    min_growth         numeric(16, 2) not null check (min_growth >= 0),
    free_delivery      boolean        not null,
    member_prices      boolean        not null,
    birthday_gift      boolean        not null,
    exclusive_coupons  boolean        not null,
    updated_at         timestamptz    not null default now()
);

-- Operator overrides of the configured reward amounts and caps.
create table reward_rule (
    name        varchar(64) primary key,
    value       bigint      not null check (value >= 0),
    updated_at  timestamptz not null default now()
);

-- Paid membership periods: operator grants and shopper purchases; idempotent by key.
create table paid_membership (
    id               bigserial    primary key,
    user_id          varchar(64)  not null references member (user_id),
    months           int          not null check (months between 1 and 36),
    source           varchar(16)  not null,
    reference        varchar(64)  not null,
    idempotency_key  varchar(200) not null unique,
    paid_until       timestamptz  not null,
    created_at       timestamptz  not null default now()
);

-- One check-in per user and local day (in the time zone the user checked in from).
create table checkin (
    user_id     varchar(64) not null,
    local_date  date        not null,
    time_zone   varchar(64) not null,
    streak      int         not null check (streak >= 1),
    checked_at  timestamptz not null,
    primary key (user_id, local_date)
);

-- The grow-your-vegetables game: at most one growing crop per user.
create table garden_crop (
    id            bigserial   primary key,
    user_id       varchar(64) not null,
    crop          varchar(32) not null,
    water         int         not null default 0 check (water >= 0),
    planted_at    timestamptz not null,
    harvested_at  timestamptz,
    reward        varchar(16)
);

create unique index garden_crop_growing_idx on garden_crop (user_id) where harvested_at is null;

create table garden_watering (
    id               bigserial    primary key,
    crop_id          bigint       not null references garden_crop (id),
    user_id          varchar(64)  not null,
    source           varchar(16)  not null,
    day              date         not null,
    amount           int          not null check (amount > 0),
    idempotency_key  varchar(200) not null unique,
    at               timestamptz  not null default now()
);

create index garden_watering_day_idx on garden_watering (user_id, day, source);

-- What each user has bought before: an order with a known SKU is a repurchase.
create table purchased_sku (
    user_id   varchar(64) not null,
    sku       varchar(64) not null,
    first_at  timestamptz not null,
    primary key (user_id, sku)
);

-- The durable weekly repurchase counts behind the Redis sorted sets (which serve the ranking).
create table weekly_repurchase (
    week         varchar(8)  not null,
    user_id      varchar(64) not null,
    repurchases  int         not null check (repurchases >= 0),
    updated_at   timestamptz not null,
    primary key (week, user_id)
);

-- One reward per week and user, ever: the unique constraint makes a re-run of the job a no-op.
create table leaderboard_reward (
    id           bigserial   primary key,
    week         varchar(8)  not null,
    user_id      varchar(64) not null,
    rank         int         not null check (rank >= 1),
    repurchases  int         not null,
    points       bigint      not null check (points >= 0),
    rewarded_at  timestamptz not null default now(),
    unique (week, user_id)
);
