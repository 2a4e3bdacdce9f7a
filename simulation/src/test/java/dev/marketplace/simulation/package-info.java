/** The scaled-down month: the simulator's real run at a size the build can afford. */
package dev.marketplace.simulation;
