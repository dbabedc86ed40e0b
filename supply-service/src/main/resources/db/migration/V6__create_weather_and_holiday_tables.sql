-- Daily weather per region from weather.observed on the context topic: the weather regressor of the
-- demand forecast. A later observation of the same region and day (by event time) replaces it; a
-- future day holds a weather forecast fed as an observation.
create table weather_observation (
    region         varchar(64)      not null,
    day            date             not null,
    temperature_c  double precision not null,
    condition      varchar(64)      not null,
    observed_at    timestamptz      not null,
    primary key (region, day)
);

-- Holidays declared on the context topic (holiday.declared), used beside the configured calendar.
-- Region '*' means every region.
create table declared_holiday (
    region       varchar(64)  not null,
    day          date         not null,
    name         varchar(128) not null,
    declared_at  timestamptz  not null,
    primary key (region, day, name)
);
