/**
 * Share-for-points referrals: a shopper's referral code, new users binding it (self-referral rejected), and
 * the referrer's points credited on the new user's first order.
 */
@NullMarked
package com.freshloop.marketing.referrals;

import org.jspecify.annotations.NullMarked;
