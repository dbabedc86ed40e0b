package com.freshloop.profile.text;

import java.util.List;

/** What a review or chat message is about, with the cue words (Chinese and English) that reveal it. */
public enum Aspect {
    DELIVERY_SPEED(List.of(
            "慢",
            "快",
            "速度",
            "送达",
            "送餐",
            "配送",
            "等了",
            "分钟",
            "小时",
            "超时",
            "迟到",
            "准时",
            "太久",
            "slow",
            "fast",
            "quick",
            "late",
            "delivery",
            "minutes",
            "hour",
            "wait",
            "waited",
            "on time")),
    RIDER_ATTITUDE(List.of(
            "骑手",
            "小哥",
            "送餐员",
            "快递员",
            "配送员",
            "态度",
            "服务",
            "rider",
            "courier",
            "driver",
            "attitude",
            "rude",
            "polite",
            "friendly")),
    FRESHNESS(List.of(
            "新鲜", "变质", "坏了", "烂", "臭", "过期", "质量", "发霉", "fresh", "stale", "rotten", "spoiled", "spoilt", "expired",
            "quality", "mouldy", "moldy")),
    PRICE(List.of(
            "价格", "贵", "便宜", "划算", "性价比", "价钱", "实惠", "expensive", "cheap", "price", "overpriced", "value", "pricey")),
    PORTION(List.of("量", "份量", "分量", "太少", "量大", "portion", "small", "tiny", "amount", "size")),
    PACKAGING(List.of(
            "包装",
            "洒",
            "漏",
            "撒",
            "盒子",
            "破",
            "碎",
            "packaging",
            "leaked",
            "leaking",
            "spilled",
            "broken",
            "crushed",
            "box",
            "bag"));

    private final List<String> cues;

    Aspect(List<String> cues) {
        this.cues = cues;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    boolean mentionedIn(String normalisedClause) {
        for (String cue : cues) {
            if (cue.chars().allMatch(c -> c < 128)) {
                if (TextFeatures.latinWords(normalisedClause).contains(cue)
                        || (cue.contains(" ") && normalisedClause.contains(cue))) {
                    return true;
                }
            } else if (normalisedClause.contains(cue)) {
                return true;
            }
        }
        return false;
    }
}
