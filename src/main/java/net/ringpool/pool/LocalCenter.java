package net.ringpool.pool;

import java.math.BigDecimal;

/**
 * Where a Local RingPool looks for local numbers: exactly one of an NPA or NPA-NXX prefix, a zipcode,
 * or a latitude with its longitude.
 */
public record LocalCenter(String tnPrefix, String zipcode, BigDecimal latitude, BigDecimal longitude) {
}
