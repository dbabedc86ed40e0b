-- Coupons remember the campaign that issued them and, once used, the order that redeemed them.
alter table coupon add column campaign_id varchar(64);
alter table coupon add column redeemed_order_id varchar(64);
alter table coupon add column redeemed_at timestamptz;

-- One row per redemption. The coupon's status moves available -> redeemed with one conditional update,
-- so a replayed or racing redemption finds no available coupon and changes nothing. restored_at is set
-- when the order is returned in full (see README: restore rule).
create table coupon_redemption (
    coupon_id   uuid          not null references coupon (id),
    order_id    varchar(64)   not null,
    user_id     varchar(64)   not null,
    discount    numeric(12, 2) not null,
    redeemed_at timestamptz   not null,
    restored_at timestamptz,
    primary key (coupon_id, order_id)
);

create index coupon_redemption_order_idx on coupon_redemption (order_id);

-- What the redeeming order contained and how much of it came back, for the whole-order-return rule.
create table redemption_line (
    coupon_id uuid        not null,
    order_id  varchar(64) not null,
    sku       varchar(64) not null,
    ordered   integer     not null,
    returned  integer     not null default 0,
    primary key (coupon_id, order_id, sku)
);

-- marketing's own projection of what other services know about a shopper.
create table shopper (
    user_id         varchar(64) primary key,
    region          varchar(64),
    lifecycle_stage varchar(32),
    segment         varchar(64),
    active_hour     integer check (active_hour between 0 and 23),
    updated_at      timestamptz not null
);

-- The SKUs each shopper buys, counted per order: the "usual items" of the win-back message.
create table shopper_sku (
    user_id       varchar(64) not null,
    sku           varchar(64) not null,
    orders        integer     not null,
    units         integer     not null,
    last_order_at timestamptz not null,
    primary key (user_id, sku)
);

create index shopper_sku_sku_idx on shopper_sku (sku);

-- Which arm of a campaign each user fell into; the control arm gets nothing, so recall can be compared.
create table campaign_assignment (
    campaign_id varchar(64) not null,
    user_id     varchar(64) not null,
    arm         varchar(16) not null check (arm in ('control', 'treatment')),
    trigger     varchar(64) not null,
    assigned_at timestamptz not null,
    primary key (campaign_id, user_id)
);

-- Messages waiting for their send time. dedupe_key makes scheduling idempotent.
create table scheduled_message (
    id          uuid          primary key,
    user_id     varchar(64)   not null,
    kind        varchar(32)   not null check (kind in ('winback', 'back_in_stock', 'coupon_expiry')),
    channel     varchar(16)   not null check (channel in ('app_push', 'sms')),
    campaign_id varchar(64),
    body        varchar(500)  not null,
    active_hour integer       not null,
    due_at      timestamptz   not null,
    status      varchar(16)   not null default 'pending' check (status in ('pending', 'sent')),
    dedupe_key  varchar(200)  not null unique,
    created_at  timestamptz   not null,
    sent_at     timestamptz
);

create index scheduled_message_due_idx on scheduled_message (due_at) where status = 'pending';

-- What the local sender "sent": the record a real push or SMS gateway would keep.
create table sent_message (
    id          uuid         primary key,
    user_id     varchar(64)  not null,
    kind        varchar(32)  not null,
    channel     varchar(16)  not null,
    campaign_id varchar(64),
    body        varchar(500) not null,
    sent_at     timestamptz  not null
);

create index sent_message_user_idx on sent_message (user_id, sent_at desc);

-- The default win-back coupons: spend 50 save 20, and the scallion/ginger/garlic gift bundle.
insert into coupon_template (id, name, kind, threshold, value, gift_sku, valid_days, total_stock, per_user_limit,
                             issued, created_by, created_at)
values ('00000000-0000-0000-0000-00000000b050', 'win-back: spend 50 save 20', 'spend_save', 50, 20, null, 14,
        10000000, 10, 0, 'flyway', now()),
       ('00000000-0000-0000-0000-00000000b0f1', 'win-back: free scallion, ginger and garlic bundle', 'free_gift',
        null, null, 'bundle-scallion-ginger-garlic', 14, 10000000, 10, 0, 'flyway', now());
