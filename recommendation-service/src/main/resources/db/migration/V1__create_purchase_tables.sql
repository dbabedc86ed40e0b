-- How often each SKU is ordered across all shoppers: the "popular" fallback.
create table item_popularity (
    sku             varchar(64)  not null primary key,
    name            varchar(200),
    category        varchar(64),
    orders          bigint       not null default 0,
    units           bigint       not null default 0,
    last_ordered_at timestamptz  not null
);

create index item_popularity_rank_idx on item_popularity (orders desc, units desc);

-- What each shopper has bought: the source of "buy it again" recommendations.
-- purchases counts orders containing the SKU; units sums the quantities.
create table user_item (
    user_id   varchar(64) not null,
    sku       varchar(64) not null,
    purchases integer     not null default 0,
    units     integer     not null default 0,
    first_at  timestamptz not null,
    last_at   timestamptz not null,
    primary key (user_id, sku)
);
