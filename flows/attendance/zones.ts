import { IANAZone, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from 'luxon';

/** Every zone in use changes its offset only on a quarter hour (UTC :00, :15, :30 or :45). */
const QUARTER_HOUR_MS = 15 * 60_000;
/** Quarter hours remembered per zone before starting over (a year is 35,040). */
const REMEMBERED = 100_000;

/**
 * An IANA zone that remembers its offsets. A DateTime made in a named zone asks Intl for the
 * offset every time, which was a third of what the month report spent judging 30,000 days; the
 * answer only changes at a transition, on a quarter hour. It is the named zone in every other way
 * (name, type, equality, offset names).
 */
class RememberingZone extends Zone {
  readonly #iana: IANAZone;
  readonly #offsets = new Map<number, number>();

  constructor(name: string) {
    super();
    this.#iana = IANAZone.create(name);
  }
  override get type() {
    return this.#iana.type;
  }
  override get name() {
    return this.#iana.name;
  }
  override get isUniversal() {
    return false;
  }
  override get isValid() {
    return this.#iana.isValid;
  }
  override offsetName(ts: number, options: ZoneOffsetOptions) {
    return this.#iana.offsetName(ts, options);
  }
  override formatOffset(ts: number, format: ZoneOffsetFormat) {
    return this.#iana.formatOffset(ts, format);
  }
  override equals(other: Zone) {
    return this.#iana.equals(other);
  }
  override offset(ts: number) {
    const quarter = Math.floor(ts / QUARTER_HOUR_MS);
    let offset = this.#offsets.get(quarter);
    if (offset === undefined) {
      if (this.#offsets.size >= REMEMBERED) this.#offsets.clear();
      offset = this.#iana.offset(ts);
      this.#offsets.set(quarter, offset);
    }
    return offset;
  }
}

const zones = new Map<string, Zone>();

/** The zone of that name, for DateTimes made by the thousand (reports, month views). */
export function zoneOf(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    zone = IANAZone.isValidZone(name) ? new RememberingZone(name) : IANAZone.create(name);
    zones.set(name, zone);
  }
  return zone;
}
