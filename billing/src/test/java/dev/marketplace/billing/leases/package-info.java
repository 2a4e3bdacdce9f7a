/** Balance leases on a real PostgreSQL: granting, topping up, giving back, expiry and charges against leases. */
package dev.marketplace.billing.leases;
