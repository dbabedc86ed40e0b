package com.freshloop.marketing.messages;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When messages may go out.
 *
 * @param zone the shoppers' time zone; active hours and quiet hours are local to it
 * @param defaultActiveHour the send hour for users without an {@code active_hour:HH} tag
 * @param quietFrom start of quiet hours (inclusive), e.g. 22
 * @param quietUntil end of quiet hours (exclusive), e.g. 8
 * @param perDay at most this many messages per user per local day
 * @param perWeek at most this many messages per user in any 7 days
 * @param sendInterval how often the scheduler looks for due messages
 */
@ConfigurationProperties("freshloop.marketing.messages")
public record MessageProperties(
        ZoneId zone,
        int defaultActiveHour,
        int quietFrom,
        int quietUntil,
        int perDay,
        int perWeek,
        Duration sendInterval) {

    public MessageProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        sendInterval = sendInterval == null ? Duration.ofSeconds(30) : sendInterval;
    }
}
