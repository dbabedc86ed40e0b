-- All of a shopper's live tags from stream-jobs, for audience rules.
create table shopper_tag (
    user_id varchar(64)  not null,
    tag     varchar(128) not null,
    at      timestamptz  not null,
    primary key (user_id, tag)
);

create index shopper_tag_tag_idx on shopper_tag (tag);

-- Operator campaigns: an audience rule and the coupon templates each member gets.
create table campaign (
    id            uuid         primary key,
    name          varchar(100) not null,
    audience      jsonb        not null,
    template_ids  uuid[]       not null,
    control_share numeric(4, 3) not null check (control_share between 0 and 1),
    created_by    varchar(200) not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    last_run_at   timestamptz
);

-- The targeting rules' coupons: no threshold for high-value shoppers, a first-order coupon for new ones.
insert into coupon_template (id, name, kind, threshold, value, gift_sku, valid_days, total_stock, per_user_limit,
                             issued, created_by, created_at)
values ('00000000-0000-0000-0000-00000000a010', 'high value: 10 off, no threshold', 'no_threshold', null, 10, null,
        30, 10000000, 10, 0, 'flyway', now()),
       ('00000000-0000-0000-0000-00000000f015', 'first order: spend 30 save 15', 'spend_save', 30, 15, null, 7,
        10000000, 1, 0, 'flyway', now());

-- The three targeting rules as ready-made campaigns (the win-back one also runs automatically on
-- lifecycle events, see freshloop.marketing.winback).
insert into campaign (id, name, audience, template_ids, control_share, created_by, created_at, updated_at)
values ('00000000-0000-0000-0000-0000000c0001', 'high value: no-threshold coupon',
        '{"lifecycleStages": [], "segments": ["Champions", "Loyal"], "tags": []}',
        array['00000000-0000-0000-0000-00000000a010']::uuid[], 0.1, 'flyway', now(), now()),
       ('00000000-0000-0000-0000-0000000c0002', 'silent and churned: spend 50 save 20 plus gift',
        '{"lifecycleStages": ["silent_30d", "churned"], "segments": [], "tags": []}',
        array['00000000-0000-0000-0000-00000000b050', '00000000-0000-0000-0000-00000000b0f1']::uuid[], 0.1,
        'flyway', now(), now()),
       ('00000000-0000-0000-0000-0000000c0003', 'new users: first-order coupon',
        '{"lifecycleStages": ["new"], "segments": [], "tags": []}',
        array['00000000-0000-0000-0000-00000000f015']::uuid[], 0.1, 'flyway', now(), now());
