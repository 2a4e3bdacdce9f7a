/** Tests of starting and confirming credit purchases: limits, fee arithmetic, the redirect racing the webhook. */
package dev.marketplace.billing.checkout;
