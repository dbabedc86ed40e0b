-- One row per order: the promise made at checkout, the rider's last position and live ETA, and whether
-- the shopper has already been compensated for lateness (at most once per order).
create table delivery (
    order_id          varchar(64)  primary key,
    user_id           varchar(128) not null,
    region            varchar(64)  not null,
    placed_at         timestamptz  not null,
    promised_at       timestamptz  not null,
    rider_id          varchar(64),
    rider_lat         double precision,
    rider_lon         double precision,
    eta               timestamptz,
    position_at       timestamptz,
    delivered_at      timestamptz,
    compensated       boolean      not null default false
);
