-- Coupon templates: what a coupon is worth and how many may exist. issued never exceeds total_stock:
-- issuing increments it with a conditional update, and the check constraint backs that up.
create table coupon_template (
    id             uuid          primary key,
    name           varchar(100)  not null,
    kind           varchar(20)   not null check (kind in ('no_threshold', 'spend_save', 'percentage', 'free_gift')),
    threshold      numeric(12, 2),
    value          numeric(12, 2),
    gift_sku       varchar(64),
    valid_days     integer       not null check (valid_days between 1 and 365),
    total_stock    integer       not null check (total_stock >= 1),
    per_user_limit integer       not null check (per_user_limit >= 1),
    issued         integer       not null default 0,
    created_by     varchar(200)  not null,
    created_at     timestamptz   not null,
    constraint coupon_template_issued_within_stock check (issued between 0 and total_stock)
);

-- Issued coupons. request_id makes issuing idempotent: a retried request finds its coupon.
create table coupon (
    id          uuid         primary key,
    template_id uuid         not null references coupon_template (id),
    user_id     varchar(64)  not null,
    request_id  varchar(64)  not null unique,
    status      varchar(16)  not null default 'available' check (status in ('available', 'redeemed')),
    issued_at   timestamptz  not null,
    expires_at  timestamptz  not null
);

create index coupon_user_idx on coupon (user_id, issued_at desc);
create index coupon_template_idx on coupon (template_id);

-- How many coupons of a template each user holds, so that the per-user limit is checked with one
-- conditional upsert that concurrent requests cannot both pass.
create table coupon_holding (
    template_id uuid        not null references coupon_template (id),
    user_id     varchar(64) not null,
    issued      integer     not null,
    primary key (template_id, user_id)
);

-- Every operator write, in the transaction of the write.
create table audit_log (
    id     bigserial    primary key,
    actor  varchar(200) not null,
    action varchar(64)  not null,
    target varchar(200) not null,
    detail jsonb,
    at     timestamptz  not null default now()
);

create index audit_log_target_idx on audit_log (target);
