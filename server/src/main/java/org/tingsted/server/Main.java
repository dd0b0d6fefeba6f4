package org.tingsted.server;

public final class Main {
  public static void main(String[] args) {
  }
}
