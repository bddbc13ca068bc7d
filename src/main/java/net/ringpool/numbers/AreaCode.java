package net.ringpool.numbers;

/** A US area code (NPA) with the approximate centre of the territory it serves. */
record AreaCode(String npa, String state, String city, Coordinates center) {
}
