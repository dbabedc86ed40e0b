-- A shopper's return, from the return.requested event (its id is the return id) to the refund.
create table return_request (
    id          uuid          primary key,
    user_id     varchar(128)  not null,
    order_id    varchar(64)   not null,
    sku         varchar(64)   not null,
    quantity    integer       not null check (quantity > 0),
    reason      text          not null,
    status      varchar(32)   not null check (status in ('requested', 'pickup_scheduled', 'refunded')),
    pickup_at   timestamptz,
    refunded    numeric(12, 2),
    created_at  timestamptz   not null
);
create index return_request_user on return_request (user_id, created_at desc);
