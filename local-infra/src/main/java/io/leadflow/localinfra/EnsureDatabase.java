package io.leadflow.localinfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates a database on a PostgreSQL server unless it exists; the services' migrations create their
 * schemas in it. Usage: {@code EnsureDatabase <host> <port> <user> <database>} (password from
 * {@code PGPASSWORD}, empty when unset).
 */
public final class EnsureDatabase {

    private EnsureDatabase() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length < 4 || !args[3].matches("[a-z_][a-z0-9_]*")) {
            System.err.println("usage: EnsureDatabase <host> <port> <user> <database: lower-case letters, digits, _>");
            System.exit(2);
        }
        String url = "jdbc:postgresql://" + args[0] + ":" + args[1] + "/postgres";
        String password = System.getenv().getOrDefault("PGPASSWORD", "");
        try (Connection connection = DriverManager.getConnection(url, args[2], password);
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, args[3]);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + args[3]);
            }
            System.out.println("created database " + args[3]);
        }
    }
}
