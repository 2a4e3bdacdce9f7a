/** Table-driven tests of the money arithmetic: cost rounding, fee splits and USD parsing. */
package dev.marketplace.billing.money;
