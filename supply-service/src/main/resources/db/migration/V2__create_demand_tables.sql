-- Daily units sold per SKU and region (UTC days), built from order.placed; days without orders have no row.
create table daily_demand (
    sku     varchar(64) not null,
    region  varchar(64) not null,
    day     date        not null,
    units   integer     not null check (units >= 0),
    primary key (sku, region, day)
);

-- The nightly batch's forecasts, replaced per series on every run.
create table demand_forecast (
    sku          varchar(64)      not null,
    region       varchar(64)      not null,
    day          date             not null,
    mean         double precision not null,
    lower_bound  double precision not null,
    upper_bound  double precision not null,
    method       varchar(128)     not null,
    computed_at  timestamptz      not null,
    primary key (sku, region, day)
);
