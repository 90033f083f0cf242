// Identifier normalisation: the same account, number or address written differently matches.
import { describe, expect, it } from "vitest";
import { identifierKey, normaliseIdentifier } from "../../shared/review/identifiers.js";

describe("normaliseIdentifier", () => {
  it.each([
    ["+44 20 7946 0018", undefined],
    ["0044 20 7946 0018", undefined],
    ["+44 (0)20 7946 0018", undefined],
    ["+44-20-7946-0018", undefined],
    ["(020) 7946-0018", "GB"],
    ["020 7946 0018", "gb"],
  ])("reads the phone number %s (hint %s) as +442079460018", (value, country) => {
    expect(normaliseIdentifier("phone", value, country === undefined ? {} : { country })).toBe("+442079460018");
  });

  it("keeps the leading zero of Italian numbers and reads North American ones", () => {
    expect(normaliseIdentifier("phone", "06 6988 1234", { country: "IT" })).toBe("+390669881234");
    expect(normaliseIdentifier("phone", "(202) 555-0143", { country: "US" })).toBe("+12025550143");
    expect(normaliseIdentifier("phone", "1 202 555 0143", { country: "US" })).toBe("+12025550143");
    expect(normaliseIdentifier("phone", "011 44 20 7946 0018", { country: "US" })).toBe("+442079460018");
    expect(normaliseIdentifier("phone", "06 12 34 56 78", { country: "FR" })).toBe("+33612345678");
  });

  it("leaves a national number without a hint as its digits, and refuses letters", () => {
    expect(normaliseIdentifier("phone", "(020) 7946-0018")).toBe("02079460018");
    expect(normaliseIdentifier("phone", "(020) 7946-0018", { country: "ZZ" })).toBe("02079460018");
    expect(() => normaliseIdentifier("phone", "+44 20 7946 0018 ext 5")).toThrow('phone number "+44 20 7946 0018 ext 5" has characters other than digits');
  });

  it.each([
    ["192.168.001.010", "192.168.1.10"],
    [" 010.0.0.1 ", "10.0.0.1"],
    ["203.0.113.0/024", "203.0.113.0/24"],
    ["2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["2001:db8::1", "2001:db8::1"],
    ["[2001:DB8:0:0:1:0:0:1]", "2001:db8::1:0:0:1"],
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"],
    ["::", "::"],
    ["::1", "::1"],
    ["fe80::0:0:1", "fe80::1"],
    ["2001:db8::c000:0201", "2001:db8::c000:201"],
    ["2001:db8::192.0.2.1", "2001:db8::c000:201"],
    ["::FFFF:192.0.2.1", "192.0.2.1"],
    ["2001:DB8::/32", "2001:db8::/32"],
  ])("reads the IP address %s as %s", (value, expected) => {
    expect(normaliseIdentifier("ip-address", value)).toBe(expected);
  });

  it.each(["256.1.1.1", "1.2.3", "2001:db8:::1", "1:2:3:4:5:6:7:8:9", "2001:db8::g", "10.0.0.1/33", "::1/129", "host.example"])("refuses the IP address %s", (value) => {
    expect(() => normaliseIdentifier("ip-address", value)).toThrow(value);
  });

  it("folds the domain of an email and keeps its local part as given", () => {
    expect(normaliseIdentifier("email", " J.Doe@Example.COM ")).toBe("J.Doe@example.com");
    expect(normaliseIdentifier("email", "j.doe@example.com.")).toBe("j.doe@example.com");
    expect(() => normaliseIdentifier("email", "j.doe.example.com")).toThrow('email "j.doe.example.com" is not of the form local@domain');
  });

  it("folds case and spacing of domains, accounts, devices and payment ids", () => {
    expect(normaliseIdentifier("domain", " Example.ORG. ")).toBe("example.org");
    expect(normaliseIdentifier("account", "  JDoe   4471 ")).toBe("jdoe 4471");
    expect(normaliseIdentifier("device-id", "AA-BB-CC-DD-EE-FF")).toBe("aa:bb:cc:dd:ee:ff");
    expect(normaliseIdentifier("device-id", "aabb.ccdd.eeff")).toBe("aa:bb:cc:dd:ee:ff");
    expect(normaliseIdentifier("device-id", "35-209900-176148-1")).toBe("352099001761481");
    expect(normaliseIdentifier("payment-id", "nl91 abna 0417 1643 00")).toBe("NL91ABNA0417164300");
    expect(normaliseIdentifier("other", "  The  Handle ")).toBe("the handle");
  });
});

describe("identifierKey", () => {
  it("matches across formats and never throws", () => {
    expect(identifierKey("phone", "+44 20 7946 0018")).toBe(identifierKey("phone", "0044 (0)20 7946 0018"));
    expect(identifierKey("ip-address", "not an address")).toBe("ip-address:not an address");
    expect(identifierKey("email", "a@b.example")).not.toBe(identifierKey("account", "a@b.example"));
  });
});
