-- Budget caps: the total face value a template may issue. budget_used grows by the face value of every
-- coupon issued, in the same conditional update that takes the stock, and the check backs that up.
alter table coupon_template add column budget numeric(14, 2) check (budget is null or budget > 0);
alter table coupon_template add column budget_used numeric(14, 2) not null default 0;
alter table coupon_template add constraint coupon_template_within_budget
    check (budget is null or budget_used <= budget);

-- A coupon keeps the face value it was issued with, so raising a template's value (a strategy adjustment)
-- changes only coupons issued afterwards. Null (coupons issued before this column) means the template's value.
alter table coupon add column face_value numeric(12, 2);

-- The seeded win-back spend-50-save-20 gets a budget, so the strategy raises its value within it.
update coupon_template set budget = 2000000 where id = '00000000-0000-0000-0000-00000000b050';

-- Group-buy offers: a team of team_size within window_hours; the leader gets a coupon of leader_template_id
-- when the team completes.
create table group_buy_offer (
    id                 uuid         primary key,
    name               varchar(100) not null,
    team_size          integer      not null check (team_size between 2 and 50),
    window_hours       integer      not null check (window_hours between 1 and 168),
    leader_template_id uuid         not null references coupon_template (id),
    created_by         varchar(200) not null,
    created_at         timestamptz  not null
);

create table group_buy_team (
    id               uuid        primary key,
    offer_id         uuid        not null references group_buy_offer (id),
    leader_id        varchar(64) not null,
    status           varchar(16) not null check (status in ('open', 'completed', 'expired')),
    members          integer     not null check (members >= 1),
    team_size        integer     not null,
    opened_at        timestamptz not null,
    expires_at       timestamptz not null,
    closed_at        timestamptz,
    leader_coupon_id uuid,
    constraint group_buy_team_not_over_full check (members <= team_size)
);

-- A leader has at most one open team per offer.
create unique index group_buy_team_open_leader_idx on group_buy_team (offer_id, leader_id) where status = 'open';
create index group_buy_team_expiry_idx on group_buy_team (expires_at) where status = 'open';

-- Who is in which team (the leader too). One team per user and offer: no joining twice. An expired team's
-- rows are deleted, which releases its members.
create table group_buy_member (
    team_id   uuid        not null references group_buy_team (id),
    offer_id  uuid        not null,
    user_id   varchar(64) not null,
    role      varchar(8)  not null check (role in ('leader', 'member')),
    joined_at timestamptz not null,
    primary key (team_id, user_id),
    constraint group_buy_member_once_per_offer unique (offer_id, user_id)
);

-- Referral codes: one per shopper; device_id is the device the code was handed out to, if known.
create table referral_code (
    user_id    varchar(64) primary key,
    code       varchar(16) not null unique,
    device_id  varchar(128),
    created_at timestamptz not null
);

-- A new user referred by a code: one referral per invitee; credited on the invitee's first order.
create table referral (
    invitee_id  varchar(64) primary key,
    referrer_id varchar(64) not null,
    code        varchar(16) not null,
    device_id   varchar(128),
    status      varchar(16) not null check (status in ('pending', 'credited')),
    points      integer     not null default 0,
    order_id    varchar(64),
    bound_at    timestamptz not null,
    credited_at timestamptz,
    constraint referral_not_self check (invitee_id <> referrer_id)
);

create index referral_referrer_idx on referral (referrer_id, bound_at desc);
