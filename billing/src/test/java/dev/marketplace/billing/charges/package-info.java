/** Tests of usage charges against holds, and a randomized run of the whole money flow checked to the micro. */
package dev.marketplace.billing.charges;
