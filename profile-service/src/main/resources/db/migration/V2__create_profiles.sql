-- Orders as profile-service needs them (one row per order.placed), the profile of each user, and
-- the versioned RFM and clustering models from the nightly batch.
create table user_order (
    order_id     varchar(64)   primary key,
    user_id      varchar(64)   not null,
    placed_at    timestamptz   not null,
    total        numeric(12, 2) not null,
    units        int           not null,
    fresh_units  int           not null,
    coupon_used  boolean       not null,
    hour_of_day  smallint      not null
);
create index user_order_user_idx on user_order (user_id, placed_at);
create index user_order_placed_idx on user_order (placed_at);

create table user_profile (
    user_id         varchar(64) primary key,
    first_order_at  timestamptz,
    last_order_at   timestamptz,
    orders          int         not null default 0,
    r_score         smallint,
    f_score         smallint,
    m_score         smallint,
    segment         varchar(32),
    lifecycle       varchar(16) not null default 'new',
    cluster         int,
    cluster_name    varchar(80),
    cluster_model   varchar(40),
    updated_at      timestamptz not null default now()
);
create index user_profile_segment_idx on user_profile (segment);
create index user_profile_lifecycle_idx on user_profile (lifecycle);
create index user_profile_cluster_idx on user_profile (cluster);
create index user_tag_tag_idx on user_tag (tag, user_id);

create table rfm_model (
    version         timestamptz primary key,
    window_days     int              not null,
    recency_cuts    double precision[] not null,
    frequency_cuts  double precision[] not null,
    monetary_cuts   double precision[] not null,
    users           int              not null
);

create table cluster_model (
    version          varchar(40) primary key,
    k                int         not null,
    silhouette       double precision not null,
    silhouette_by_k  double precision[] not null,
    columns          text[]      not null,
    mean             double precision[] not null,
    std              double precision[] not null,
    centroids        text        not null,
    names            text[]      not null,
    sizes            int[]       not null,
    users            int         not null,
    created_at       timestamptz not null default now()
);

create table audit_log (
    id      bigserial    primary key,
    actor   varchar(100) not null,
    action  varchar(100) not null,
    target  varchar(200),
    detail  text,
    at      timestamptz  not null default now()
);
