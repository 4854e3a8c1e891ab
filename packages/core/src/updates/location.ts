import { num, obj, str } from "./json.ts";

const EARTH_RADIUS_KM = 6371;
const RAD = Math.PI / 180;

/** A shared location (`messages[].location`). */
export class Location {
  readonly latitude: number;
  readonly longitude: number;
  readonly name: string | undefined;
  readonly address: string | undefined;
  readonly url: string | undefined;

  constructor(latitude: number, longitude: number, name?: string, address?: string, url?: string) {
    this.latitude = latitude;
    this.longitude = longitude;
    this.name = name;
    this.address = address;
    this.url = url;
  }

  /** A location without coordinates is no location: `undefined`. */
  static parse(v: unknown): Location | undefined {
    const o = obj(v);
    const lat = num(o?.latitude);
    const lon = num(o?.longitude);
    if (!o || lat === undefined || lon === undefined) return undefined;
    return new Location(lat, lon, str(o.name), str(o.address), str(o.url));
  }

  /** The user sent where they are now, rather than picking a place (which has a name, address or url). */
  get currentLocation(): boolean {
    return !(this.name || this.address || this.url);
  }

  /** Whether this location lies within `km` kilometres of (lat, lon), by the haversine formula. */
  inRadius(lat: number, lon: number, km: number): boolean {
    const lat1 = this.latitude * RAD;
    const lat2 = lat * RAD;
    const dLat = lat2 - lat1;
    const dLon = (lon - this.longitude) * RAD;
    const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) ** 2;
    return 2 * Math.asin(Math.sqrt(a)) * EARTH_RADIUS_KM <= km;
  }
}
