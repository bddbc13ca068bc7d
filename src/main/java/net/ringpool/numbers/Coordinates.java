package net.ringpool.numbers;

/** A point on the earth in degrees; every point this feature knows is an approximation. */
record Coordinates(double latitude, double longitude) {

    private static final double EARTH_RADIUS_KM = 6371.0;

    /** Great-circle (haversine) distance in kilometres. */
    double kilometresTo(Coordinates other) {
        double dLatitude = Math.toRadians(other.latitude - latitude);
        double dLongitude = Math.toRadians(other.longitude - longitude);
        double h = Math.pow(Math.sin(dLatitude / 2), 2) + Math.cos(Math.toRadians(latitude))
                * Math.cos(Math.toRadians(other.latitude)) * Math.pow(Math.sin(dLongitude / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
