//! Shared helpers of the Resolex integration tests.
